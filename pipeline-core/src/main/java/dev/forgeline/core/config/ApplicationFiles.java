package dev.forgeline.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.forgeline.core.error.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Where the application file and its environment overlays live: a folder, or the classpath. */
abstract class ApplicationFiles {
  protected final String base;

  private ApplicationFiles(String fileName) {
    this.base = fileName.substring(0, fileName.length() - ".conf".length());
  }

  static ApplicationFiles onDisk(Path file) {
    return new Disk(file);
  }

  static ApplicationFiles onClasspath(String resource, ClassLoader loader) {
    return new Classpath(resource, loader);
  }

  /** The application layer; a missing file is recorded as a problem. */
  abstract Config application(List<Problem> problems);

  abstract boolean hasOverlay(String env);

  abstract Config overlay(String env);

  abstract String describe();

  /** The overlay file's name as shown in messages. */
  abstract String overlayName(String env);

  /** The environments that have an overlay, by their file names. */
  abstract List<String> environments();

  protected String overlayFile(String env) {
    return base + "-" + env + ".conf";
  }

  protected List<String> envsIn(Stream<String> names) {
    String prefix = stripDir(base) + "-";
    TreeSet<String> envs = new TreeSet<>();
    names
        .map(ApplicationFiles::stripDir)
        .filter(n -> n.startsWith(prefix) && n.endsWith(".conf"))
        .forEach(n -> envs.add(n.substring(prefix.length(), n.length() - ".conf".length())));
    return List.copyOf(envs);
  }

  private static String stripDir(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static final class Disk extends ApplicationFiles {
    private final Path file;

    Disk(Path file) {
      super(
          file.getFileName().toString().endsWith(".conf")
              ? file.getFileName().toString()
              : file.getFileName() + ".conf");
      this.file = file.toAbsolutePath().normalize();
    }

    private Path sibling(String env) {
      return file.resolveSibling(overlayFile(env));
    }

    @Override
    Config application(List<Problem> problems) {
      if (!Files.isRegularFile(file)) {
        problems.add(ConfigProblems.missingFile(file.toString(), "the application file option"));
        return ConfigFactory.empty();
      }
      return ConfigFactory.parseFile(
          file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }

    @Override
    boolean hasOverlay(String env) {
      return Files.isRegularFile(sibling(env));
    }

    @Override
    Config overlay(String env) {
      return ConfigFactory.parseFile(
          sibling(env).toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }

    @Override
    String describe() {
      return file.toString();
    }

    @Override
    String overlayName(String env) {
      return sibling(env).toString();
    }

    @Override
    List<String> environments() {
      Path dir = file.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> list = Files.list(dir)) {
        return envsIn(list.map(p -> p.getFileName().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + dir, e);
      }
    }
  }

  private static final class Classpath extends ApplicationFiles {
    private final String resource;
    private final ClassLoader loader;

    Classpath(String resource, ClassLoader loader) {
      super(resource);
      this.resource = resource;
      this.loader = loader;
    }

    @Override
    Config application(List<Problem> problems) {
      return ConfigFactory.parseResources(loader, resource);
    }

    @Override
    boolean hasOverlay(String env) {
      return loader.getResource(overlayFile(env)) != null;
    }

    @Override
    Config overlay(String env) {
      return ConfigFactory.parseResources(
          loader, overlayFile(env), ConfigParseOptions.defaults().setAllowMissing(false));
    }

    @Override
    String describe() {
      return resource + " (classpath)";
    }

    @Override
    String overlayName(String env) {
      return overlayFile(env) + " (classpath)";
    }

    @Override
    List<String> environments() {
      List<String> names = new ArrayList<>();
      try {
        var urls = loader.getResources(resource);
        while (urls.hasMoreElements()) {
          names.addAll(siblings(urls.nextElement()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the classpath next to " + resource, e);
      }
      return envsIn(names.stream());
    }

    private List<String> siblings(URL url) throws IOException {
      if ("file".equals(url.getProtocol())) {
        try {
          Path dir = Path.of(url.toURI()).getParent();
          try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
          }
        } catch (URISyntaxException e) {
          return List.of();
        }
      }
      if (url.openConnection() instanceof JarURLConnection jar) {
        jar.setUseCaches(false);
        try (JarFile jf = jar.getJarFile()) {
          return jf.stream().map(e -> e.getName()).toList();
        }
      }
      return List.of();
    }
  }
}
