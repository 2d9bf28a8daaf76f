package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin compiles against stubs: this keeps every member of Jenkins and its plugins that its bytecode uses on a
 * list of members read in their real sources, so that a stub member Jenkins does not have cannot slip in (it would
 * fail on a controller with NoSuchMethodError).
 */
class JenkinsApiUseTest {
  private static final List<String> JENKINS_PACKAGES = List.of("hudson/", "jenkins/", "org/jenkinsci/",
      "com/cloudbees/", "net/sf/json/", "org/kohsuke/", "org/springframework/");

  @Test
  void everyJenkinsMemberThePluginUsesWasCheckedInItsSources() throws IOException {
    Set<String> verified = new TreeSet<>();
    try (InputStream list = getClass().getResourceAsStream("verified-jenkins-api.txt")) {
      new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(verified::add);
    }
    Set<String> used = new TreeSet<>();
    try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
      for (Path file : classes.filter(path -> path.toString().endsWith(".class")).toList()) {
        used.addAll(memberReferences(file));
      }
    }
    used.removeIf(member -> JENKINS_PACKAGES.stream().noneMatch(member::startsWith));

    assertThat(used).as("members used but not checked against Jenkins' sources").isSubsetOf(verified);
    assertThat(used).contains("hudson/FilePath.act:(Lhudson/FilePath$FileCallable;)Ljava/lang/Object;");
  }

  /** The fields and methods a class file refers to, as {@code owner.name:descriptor}, from its constant pool. */
  static Set<String> memberReferences(Path classFile) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(classFile))) {
      in.readInt();
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      Object[] pool = new Object[count];
      int[][] refs = new int[count][];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 7, 8, 16, 19, 20 -> refs[i] = new int[] {tag, in.readUnsignedShort()};
          case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException(classFile + ": constant pool tag " + tag);
        }
      }
      Set<String> members = new TreeSet<>();
      for (int[] ref : refs) {
        if (ref != null && (ref[0] == 9 || ref[0] == 10 || ref[0] == 11)) {
          String owner = (String) pool[refs[ref[1]][1]];
          int[] nameAndType = refs[ref[2]];
          members.add(owner + "." + pool[nameAndType[1]] + ":" + pool[nameAndType[2]]);
        }
      }
      return members;
    }
  }
}
