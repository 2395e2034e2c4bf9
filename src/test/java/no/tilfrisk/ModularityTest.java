package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

class ModularityTest {

    /** The module map that ARCHITECTURE.md shows, committed so it can be read without building. */
    static final Path MODULE_MAP = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(TilfriskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theCapabilityModulesOfTheFoundationExist() {
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .contains("no.tilfrisk.organisation", "no.tilfrisk.account", "no.tilfrisk.platform");
    }

    /**
     * Draws the module map (PlantUML: all modules in {@code components.puml}, each module with its neighbours in
     * {@code module-<name>.puml}) and compares it with the committed copy in {@code docs/modules/}. When they
     * differ, the test writes the new drawing there and fails, so the change shows in {@code git diff} and is
     * committed with the code that caused it.
     */
    @Test
    void theCommittedModuleMapIsTheOneTheCodeDraws() throws IOException {
        Path drawn = Path.of("target", "module-map");
        DiagramOptions diagram = DiagramOptions.defaults()
                .withStyle(DiagramStyle.UML)
                .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
                .writeModulesAsPlantUml(diagram)
                .writeIndividualModulesAsPlantUml(diagram);

        Map<String, String> expected = new TreeMap<>();
        filesIn(drawn).forEach((name, text) -> expected.put(name, inStableOrder(text)));
        Map<String, String> committed = filesIn(MODULE_MAP);
        if (!committed.equals(expected)) {
            Files.createDirectories(MODULE_MAP);
            for (String stale : committed.keySet()) {
                Files.delete(MODULE_MAP.resolve(stale));
            }
            for (var file : expected.entrySet()) {
                Files.writeString(MODULE_MAP.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> differing = Stream.concat(committed.keySet().stream(), expected.keySet().stream()).distinct()
                .filter(name -> !Objects.equals(committed.get(name), expected.get(name))).sorted().toList();
        assertThat(differing)
                .as("files of docs/modules/ that did not match the modules; the test has redrawn them: review and commit")
                .isEmpty();
    }

    /**
     * The Documenter lists the modules and the arrows between them in an order that changes from one build to the
     * next. Sorted, the same modules give the same file; the picture does not depend on the order.
     */
    static String inStableOrder(String plantUml) {
        List<String> lines = new ArrayList<>(plantUml.lines().toList());
        sortAmongThemselves(lines, line -> line.startsWith("  component "));
        sortAmongThemselves(lines, line -> line.contains(" --> "));
        return String.join("\n", lines) + (plantUml.endsWith("\n") ? "\n" : "");
    }

    /** Sorts the lines that match, each staying in one of the places where such lines were. */
    private static void sortAmongThemselves(List<String> lines, Predicate<String> which) {
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (which.test(lines.get(i))) {
                places.add(i);
            }
        }
        List<String> sorted = places.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < places.size(); i++) {
            lines.set(places.get(i), sorted.get(i));
        }
    }

    /** The PlantUML files of a folder by name, with their text; none if the folder does not exist. */
    private static Map<String, String> filesIn(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".puml")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
