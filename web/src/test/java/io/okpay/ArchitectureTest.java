package io.okpay;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout as rules, checked on the compiled classes of both modules (this module's test classpath holds the ejb
 * module too). Packages are {@code io.okpay.<feature>.<layer>}: ejb has boundary, control and entity, web has rest and
 * faces; {@code io.okpay.shared} is the kernel that every feature may use.
 * <ul>
 *   <li>a feature uses another feature only through that feature's {@code boundary};</li>
 *   <li>web uses ejb only through boundaries and the kernel: no {@code control}, and no {@code entity}, which stays
 *       in the ejb module;</li>
 *   <li>features do not form cycles.</li>
 * </ul>
 * What still breaks a rule is listed, one line each, in {@code src/test/resources/architecture-allowlist.txt} with the
 * reason; the test fails on any break not listed there and on any listed line that no longer breaks the rule, so the
 * list can only shrink.
 */
class ArchitectureTest {

    private static final String ROOT = "io.okpay.";
    private static final Set<String> NOT_FEATURES = Set.of("shared", "it", "embedded", "bench", "client");

    private static JavaClasses all;
    private static Set<String> webClasses;
    private static Set<String> allowed;

    @BeforeAll
    static void importClasses() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.okpay");
        // This module's own output: what is not in it came from the ejb module.
        webClasses = new ClassFileImporter().importPath(Path.of("target", "classes")).stream()
                .map(JavaClass::getName).collect(Collectors.toSet());
        if (webClasses.isEmpty() || webClasses.size() == all.size()) {
            throw new IllegalStateException("Cannot tell the web classes from the ejb ones (run from the web module)");
        }
        allowed = readAllowList();
    }

    @Test
    void featuresUseEachOtherOnlyThroughBoundaries() {
        check("feature-boundary", classes().that(describe("are in a feature", c -> feature(c) != null))
                .should(onlyDependOn("only use other features through their boundary", (origin, target) -> {
                    String targetFeature = feature(target);
                    return targetFeature == null || targetFeature.equals(feature(origin))
                            || "boundary".equals(layer(target));
                })));
    }

    @Test
    void webUsesNoControlOfEjb() {
        check("web-control", classes().that(describe("are in web", c -> webClasses.contains(c.getName())))
                .should(onlyDependOn("not use control classes of ejb",
                        (origin, target) -> webClasses.contains(target.getName()) || !"control".equals(layer(target)))));
    }

    @Test
    void entitiesStayInEjb() {
        check("web-entity", classes().that(describe("are in web", c -> webClasses.contains(c.getName())))
                .should(onlyDependOn("not use entities", (origin, target) -> !"entity".equals(layer(target)))));
    }

    @Test
    void featuresFormNoCycles() {
        var rule = slices().matching("io.okpay.(*)..").should().beFreeOfCycles()
                .ignoreDependency(describe("any class", c -> true), describe("the kernel", c -> feature(c) == null));
        // The allow-list names feature edges ("cycle: ledger -> notification") that still close a cycle.
        for (String line : allowed) {
            if (line.startsWith("cycle: ")) {
                String[] edge = line.substring("cycle: ".length()).split(" -> ");
                rule = rule.ignoreDependency(describe(edge[0], c -> edge[0].equals(feature(c))),
                        describe(edge[1], c -> edge[1].equals(feature(c))));
            }
        }
        rule.check(all);
        // Each listed edge must still exist: a removed back edge leaves its line stale.
        Set<String> edges = all.stream().filter(c -> feature(c) != null)
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .filter(d -> feature(target(d)) != null && !feature(target(d)).equals(feature(d.getOriginClass())))
                .map(d -> "cycle: " + feature(d.getOriginClass()) + " -> " + feature(target(d)))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> stale = allowed.stream().filter(l -> l.startsWith("cycle: ") && !edges.contains(l))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), stale, "Allow-list lines that no longer exist: remove them");
    }

    private interface Allowed {
        boolean test(JavaClass origin, JavaClass target);
    }

    /** Each offending dependency becomes one line "rule: Origin -> Target" (top-level classes, without io.okpay.). */
    private static ArchCondition<JavaClass> onlyDependOn(String description, Allowed allowedDependency) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = target(dependency);
                    if (target.getName().startsWith(ROOT) && !allowedDependency.test(origin, target)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                name(origin) + " -> " + name(target) + "   (" + dependency.getDescription() + ")"));
                    }
                }
            }
        };
    }

    private static void check(String ruleName, ArchRule rule) {
        var result = rule.evaluate(all);
        Set<String> found = result.getFailureReport().getDetails().stream()
                .map(detail -> ruleName + ": " + detail.substring(0, detail.indexOf("   (")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = allowed.stream().filter(l -> l.startsWith(ruleName + ": "))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unlisted = new TreeSet<>(found);
        unlisted.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(found);
        assertEquals("", String.join("\n", unlisted), "Breaks of \"" + rule.getDescription() + "\"");
        assertEquals("", String.join("\n", stale), "Allow-list lines that no longer break the rule: remove them");
    }

    private static JavaClass target(Dependency dependency) {
        return topLevel(dependency.getTargetClass().getBaseComponentType());
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static String name(JavaClass c) {
        return topLevel(c).getName().substring(ROOT.length());
    }

    /** The feature of a class, or null for the kernel and for classes outside OKPay. */
    private static String feature(JavaClass c) {
        String[] parts = packageParts(c);
        return parts.length < 1 || NOT_FEATURES.contains(parts[0]) ? null : parts[0];
    }

    private static String layer(JavaClass c) {
        String[] parts = packageParts(c);
        return parts.length < 2 ? null : parts[1];
    }

    private static String[] packageParts(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.startsWith(ROOT) ? pkg.substring(ROOT.length()).split("\\.") : new String[0];
    }

    private static Set<String> readAllowList() {
        try (var in = ArchitectureTest.class.getResourceAsStream("/architecture-allowlist.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
