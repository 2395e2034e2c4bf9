package no.tilfrisk.importer.internal;

import static no.tilfrisk.Demo.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.importer.Spreadsheets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import through its pages, as an admin would: upload, map the columns (the saved mapping comes back next time),
 * the dry run's report, the real import with its progress page, and the undo; and the bad files, each a message on a
 * page, never a 500.
 */
@TilfriskTest
class ImportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    ImportJobs jobs;

    private UserDetails admin() {
        return accounts.loadUserByUsername(ADMIN);
    }

    @Test
    void uploadMapDryRunImportAndUndoThroughThePages() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "\uFEFFKallenavn;Født\r\nSidetest " + tag + ";1789\r\nSidetest B " + tag + ";1990\r\n";
        UUID formId = UUID.randomUUID();
        String location = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "sidetest.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("kind", "PERSONS").param("formId", formId.toString())
                        .with(user(admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/imports/files/" + formId + "?kind=PERSONS");

        Document mapping = Jsoup.parse(mvc.perform(get(location).with(user(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(mapping.select("select[name=col.name] option").eachText()).contains("Kallenavn", "Født");

        Document report = Jsoup.parse(mvc.perform(post("/imports/files/" + formId + "/dry-run").param("kind", "PERSONS")
                        .param("col.name", "Kallenavn").param("col.birthYear", "Født").with(user(admin())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(report.select("td").eachText()).contains("2", "fødselsår 1789 er ikke gyldig: "
                + "Fødselsåret må være mellom 1900 og 2100.");
        assertThat(report.select("p.lead").text()).isEqualTo("Blir laget: 1. Blir endret: 0. Finnes fra før: 0. Avvist: 1.");
        // the mapping is saved for the organisation
        Document again = Jsoup.parse(mvc.perform(get(location).with(user(admin())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(again.select("select[name=col.birthYear] option[selected]").text()).isEqualTo("Født");

        mvc.perform(post("/imports/files/" + formId + "/run").param("kind", "PERSONS").param("col.name", "Kallenavn")
                        .param("col.birthYear", "Født").param("skipRefused", "true").with(user(admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        jobs.await(formId, java.time.Duration.ofMinutes(2));
        Document done = Jsoup.parse(mvc.perform(get("/imports/files/" + formId + "/progress").with(user(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(done.select("[role=status]").text()).isEqualTo("Importert: 1 laget, 0 endret, 1 hoppet over.");

        Document list = Jsoup.parse(mvc.perform(get("/imports").with(user(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String undo = list.select("form[action$=/undo]").first().attr("action");
        mvc.perform(post(undo).with(user(admin())).with(csrf())).andExpect(status().isOk());
        mvc.perform(post(undo).param("confirmed", "true").with(user(admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(Jsoup.parse(mvc.perform(get("/imports").with(user(admin()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).select("form[action=" + undo + "]")).isEmpty();
    }

    @Test
    void badFilesAndMappingsGetAMessageNeverA500() throws Exception {
        expectMessage(upload("tabell.xlsx", "Navn;År\r\nOla;1980".getBytes(StandardCharsets.UTF_8)),
                "Fila er ikke et Excel-regneark (XLSX) som kan leses.");
        expectMessage(upload("tom.csv", new byte[0]), "Fila er tom.");
        expectMessage(upload("stor.csv", new byte[Spreadsheets.MAX_BYTES + 10]), "Fila er for stor. Største størrelse er 50 MB.");

        UUID formId = UUID.randomUUID();
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "to.csv", "text/csv",
                        "Navn;Fullt\r\nOla;Ola N\r\n".getBytes(StandardCharsets.UTF_8))).param("kind", "PERSONS")
                        .param("formId", formId.toString()).with(user(admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(post("/imports/files/" + formId + "/dry-run").param("kind", "PERSONS")
                        .param("col.name", "Navn").param("col.fullName", "Navn").with(user(admin())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("[role=alert]").text())
                .isEqualTo("Kolonnen «Navn» er valgt for to felt. Velg hver kolonne bare én gang.");
    }

    private String upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/imports").file(new MockMultipartFile("file", name, "application/octet-stream",
                        content)).param("kind", "PERSONS").param("formId", UUID.randomUUID().toString())
                        .with(user(admin())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void expectMessage(String page, String start) {
        assertThat(Jsoup.parse(page).select("[role=alert]").text()).startsWith(start);
    }
}
