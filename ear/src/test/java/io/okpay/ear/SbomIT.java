package io.okpay.ear;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The build leaves a CycloneDX SBOM beside each deliverable: ear/target/okpay-ear.cdx.json and
 * web/target/okpay-war.cdx.json. The plugin that writes them needs Maven online; a build run with -o has none.
 */
class SbomIT {

    @Test
    @DisplayName("the EAR's and the WAR's SBOMs name the application, the modules and libraries inside, nothing provided")
    void sboms() throws IOException {
        assumeFalse(Boolean.getBoolean("okpay.build.offline"), "the SBOM plugin does not run in an offline build");
        String ear = Files.readString(Path.of(System.getProperty("okpay.sbom.ear")));
        String war = Files.readString(Path.of(System.getProperty("okpay.sbom.war")));
        for (String sbom : new String[] {ear, war}) {
            assertTrue(sbom.contains("\"bomFormat\" : \"CycloneDX\"") || sbom.contains("\"bomFormat\":\"CycloneDX\""),
                    sbom.substring(0, Math.min(300, sbom.length())));
            assertTrue(names(sbom, "okpay-ejb"), "the EJB module");
            assertTrue(names(sbom, "nimbus-jose-jwt"), "a library that ships inside");
            assertTrue(names(sbom, "mariadb-java-client"), "the database driver ships inside");
            assertFalse(names(sbom, "jakarta.jakartaee-api"), "the server provides the Jakarta EE API");
            assertFalse(names(sbom, "junit-jupiter-api"), "test libraries do not ship");
        }
        assertTrue(names(ear, "okpay-ear") && names(ear, "okpay-web"), "the EAR and the WAR inside it");
        assertTrue(names(war, "okpay-web"), "the WAR");
    }

    private static boolean names(String sbom, String component) {
        return Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(component) + "\"").matcher(sbom).find();
    }
}
