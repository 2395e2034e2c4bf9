package no.tilfrisk.directory;

import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HSDS 3.0 export of hand-made offers (every field the directory has, hours past midnight and dates of their
 * own included) and of seed entries validates against Open Referral's JSON schema (shipped under
 * {@code src/test/resources/hsds/}, validated with networknt's validator, formats asserted), and an import of it
 * gives the same offers.
 */
@TilfriskTest
class HsdsExchangeTest {

    @Autowired
    Offers offers;
    @Autowired
    Hsds hsds;
    @Autowired
    JsonMapper json;

    static JsonSchema schema() throws Exception {
        try (InputStream in = new ClassPathResource("hsds/service_with_definitions.json").getInputStream()) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    @Test
    void theExportValidatesAgainstTheHsdsSchemaAndReimportsToTheSameOffers() throws Exception {
        DirectoryFixtures mine = DirectoryFixtures.create(offers);
        List<UUID> ids = List.of(mine.dayCentre(), mine.weekendCafe(), mine.nightShelter(),
                SeedOffers.idOf(SeedOffers.APPENDIX_4, "Prinsen mottakssenter"), SeedOffers.idOf(SeedOffers.APPENDIX_3, "Svingen"));
        List<Offer> originals = ids.stream().map(offers::get).toList();
        String exported = json.writeValueAsString(hsds.export(originals));

        JsonSchema schema = schema();
        JsonNode services = new ObjectMapper().readTree(exported);
        assertThat(services).hasSize(5);
        for (JsonNode service : services) {
            Set<ValidationMessage> errors = schema.validate(service);
            assertThat(errors).as(service.get("name").asText()).isEmpty();
        }
        // the validator does fail: a service without its status, and one with a non-uuid id
        JsonNode broken = new ObjectMapper().readTree(exported).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("status");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("id", "ikke-en-uuid");
        assertThat(schema.validate(broken)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("status"))
                .anySatisfy(m -> assertThat(m).contains("uuid"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parsed = json.readValue(exported, List.class);
        List<UUID> imported = People.asSystem(OTHER_ORGANISATION, () -> offers.importHsds(hsds.read(parsed)));
        assertThat(imported).hasSize(5).doesNotContainAnyElementsOf(ids);
        for (int i = 0; i < ids.size(); i++) {
            Offer before = originals.get(i);
            Offer after = offers.get(imported.get(i));
            assertThat(after.organisationId()).isEqualTo(OTHER_ORGANISATION);
            assertThat(Offers.changedFields(before, after)).as(before.name()).isEmpty();
            assertThat(after.sourceFigures()).isEqualTo(before.sourceFigures());
            assertThat(after.lastConfirmed()).isEqualTo(before.lastConfirmed());
        }
        // a second import of the same changes those offers instead of adding more
        List<UUID> again = People.asSystem(OTHER_ORGANISATION, () -> offers.importHsds(hsds.read(
                json.readValue(json.writeValueAsString(hsds.export(imported.stream().map(offers::get).toList())), List.class))));
        assertThat(again).containsExactlyElementsOf(imported);
    }

    @Test
    void aBrokenServiceIsAMessageAndNothingIsImported() throws Exception {
        String name = "Import " + UUID.randomUUID();
        List<Map<String, Object>> services = List.of(
                Map.of("id", UUID.randomUUID().toString(), "name", name, "status", "active"),
                Map.of("id", UUID.randomUUID().toString(), "name", "Feil", "status", "active",
                        "attributes", List.of(Map.of("id", UUID.randomUUID().toString(),
                                "taxonomy_term", Map.of("id", UUID.randomUUID().toString(), "name", "unicorns",
                                        "description", "x", "taxonomy", Hsds.NEED)))));
        assertThatThrownBy(() -> People.asSystem(OTHER_ORGANISATION, () -> offers.importHsds(hsds.read(services))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.all())
                        .extracting(InvalidInputException::field).containsExactly("services[1].needs"));
        assertThat(offers.search(new OfferSearch(name, Set.of(), Set.of(), false, false, null, null, null, 0, 20)).total()).isZero();
        assertThatThrownBy(() -> hsds.read(List.of(Map.of("id", "x", "name", "y"))))
                .isInstanceOf(InvalidInputException.class);
    }
}
