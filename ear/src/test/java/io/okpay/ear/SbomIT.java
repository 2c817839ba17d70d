package io.okpay.ear;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The build leaves a CycloneDX SBOM beside each deliverable, ear/target/okpay-ear.cdx.json and
 * web/target/okpay-war.cdx.json, and each names every library inside its archive. The plugin that writes them needs
 * Maven online; a build run with -o has none to check.
 */
class SbomIT {

    private static final Pattern COMPONENT = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\",\\s*\"version\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    @DisplayName("the WAR's and the EAR's SBOMs name every library inside the archive, and nothing the server provides")
    void sbomsListWhatShips() throws IOException {
        assumeFalse("offline=true".equals(System.getProperty("okpay.maven.offline")),
                "the SBOM plugin does not run in a build with -o");
        String war = Files.readString(Path.of(System.getProperty("okpay.sbom.war")));
        String ear = Files.readString(Path.of(System.getProperty("okpay.sbom.ear")));
        for (String sbom : List.of(war, ear)) {
            assertTrue(sbom.contains("\"bomFormat\" : \"CycloneDX\""), sbom.substring(0, Math.min(200, sbom.length())));
            assertFalse(components(sbom).stream().anyMatch(c -> c.startsWith("jakarta.jakartaee-api-")),
                    "the server provides the Jakarta EE API");
            assertFalse(components(sbom).stream().anyMatch(c -> c.startsWith("junit-")), "test libraries do not ship");
        }
        assertNamesEveryJar(war, jars(Path.of(System.getProperty("okpay.war")), "WEB-INF/lib/"));
        Path earFile = Path.of(System.getProperty("okpay.ear"));
        List<String> inEar = new ArrayList<>(jars(earFile, "lib/"));
        try (ZipInputStream archive = new ZipInputStream(Files.newInputStream(earFile))) {
            for (ZipEntry entry; (entry = archive.getNextEntry()) != null; ) {
                if (entry.getName().equals("okpay-web.war")) {
                    inEar.addAll(jars(archive, "WEB-INF/lib/"));
                }
            }
        }
        assertNamesEveryJar(ear, inEar);
        assertTrue(components(ear).stream().anyMatch(c -> c.startsWith("okpay-web-"))
                && components(ear).stream().anyMatch(c -> c.startsWith("okpay-ejb-")), "the EAR's two modules");
    }

    /** Every jar (named "artifact-version.jar", or "group-artifact-version.jar" in the EAR's lib/) is a component. */
    private static void assertNamesEveryJar(String sbom, List<String> jars) {
        assertFalse(jars.isEmpty(), "no jars found: wrong archive?");
        Set<String> components = components(sbom);
        List<String> missing = jars.stream()
                .filter(jar -> components.stream().noneMatch(c -> jar.equals(c + ".jar") || jar.endsWith("-" + c + ".jar")))
                .toList();
        assertEquals(List.of(), missing, "jars inside the archive that its SBOM does not name");
    }

    /** "name-version" of each component (and of the tools that made the SBOM, which match no jar). */
    private static Set<String> components(String sbom) {
        Set<String> found = new TreeSet<>();
        for (Matcher m = COMPONENT.matcher(sbom); m.find(); ) {
            found.add(m.group(1) + "-" + m.group(2));
        }
        return found;
    }

    private static List<String> jars(Path archive, String folder) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return jars(in, folder);
        }
    }

    /** The jars directly in {@code folder} of the zip read from {@code archive} (left open: it may be an entry). */
    private static List<String> jars(InputStream archive, String folder) throws IOException {
        ZipInputStream entries = new ZipInputStream(archive);
        List<String> names = new ArrayList<>();
        for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.startsWith(folder) && name.endsWith(".jar") && name.indexOf('/', folder.length()) < 0) {
                names.add(name.substring(folder.length()));
            }
        }
        return names;
    }
}
