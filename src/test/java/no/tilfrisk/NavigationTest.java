package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The menus (issue 15, item 6): the main menu twice, as a «Meny» disclosure for a phone and as a row for a wider
 * screen, both without JavaScript; the account's items (API keys, second factor, language, sign out) only in the
 * account menu; and no menu link to a page its reader would be refused. The browser walk (RoleWalkBrowserTest)
 * follows every link further; this is the quick check of the menus themselves.
 */
@TilfriskTest
class NavigationTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"#?]+)[^\"]*\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;

    @ParameterizedTest
    @ValueSource(strings = {"admin@demo.tilfrisk.no", "koordinator@demo.tilfrisk.no", "ansatt@demo.tilfrisk.no",
            "frivillig@demo.tilfrisk.no", "deltaker@demo.tilfrisk.no", "styret@demo.tilfrisk.no"})
    void theMenusHoldOnlyPagesTheReaderMayOpenAndTheAccountItemsApart(String account) throws Exception {
        UserDetails reader = accounts.loadUserByUsername(account);
        var first = mvc.perform(get("/").with(user(reader))).andReturn().getResponse();
        // a participant's start page is Min side
        String start = first.getRedirectedUrl() == null ? first.getContentAsString(StandardCharsets.UTF_8)
                : mvc.perform(get(first.getRedirectedUrl()).with(user(reader))).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        String phone = between(start, "class=\"menu menu-phone\"", "</nav>");
        String wide = between(start, "class=\"menu menu-wide\"", "</nav>");
        String accountMenu = between(start, "class=\"account\"", "</nav>");

        assertThat(phone).contains("<details class=\"disclosure\">", "<summary>Meny</summary>");
        assertThat(links(wide)).as("the same links in both forms of the main menu").isEqualTo(links(phone))
                .contains("/");
        assertThat(links(phone)).as("no account items in the main menu").noneMatch(l -> l.startsWith("/account"));
        assertThat(accountMenu).contains("<details class=\"disclosure\">", "href=\"/account/tokens\"",
                "href=\"/account/second-factor\"", "lang=\"en\"", "action=\"/logout\"");

        List<String> refused = new ArrayList<>();
        for (String link : links(phone)) {
            int status = mvc.perform(get(link).with(user(reader))).andReturn().getResponse().getStatus();
            if (status >= 400) {
                refused.add(link + " " + status);
            }
        }
        assertThat(refused).as("menu links " + account + " may not open").isEmpty();
    }

    /** Each role's main menu, as the layout's conditions give it (worked out by hand from the layout). */
    static final Map<String, List<String>> MENUS = Map.of(
            "admin@demo.tilfrisk.no", List.of("/", "/persons", "/contacts", "/activities", "/calendar", "/collaboration",
                    "/volunteers", "/leisure", "/transitions", "/directory/offers", "/admin/departments", "/admin/users",
                    "/admin/partners", "/admin/webhooks", "/admin/audit", "/admin/settings", "/imports", "/outcomes",
                    "/reports/annual", "/dashboard", "/projects"),
            "koordinator@demo.tilfrisk.no", List.of("/", "/persons", "/contacts", "/activities", "/calendar",
                    "/collaboration", "/volunteers", "/leisure", "/transitions", "/imports", "/outcomes", "/reports/annual",
                    "/dashboard", "/projects"),
            "ansatt@demo.tilfrisk.no", List.of("/", "/persons", "/contacts", "/activities", "/calendar", "/collaboration",
                    "/volunteers", "/leisure", "/transitions"),
            "frivillig@demo.tilfrisk.no", List.of("/", "/calendar", "/frivillig"),
            "deltaker@demo.tilfrisk.no", List.of("/", "/min-side", "/min-side/maalinger", "/min-side/innsyn",
                    "/min-side/frivillig", "/min-side/fritid"),
            "styret@demo.tilfrisk.no", List.of("/", "/activities", "/collaboration", "/reports/annual", "/projects"),
            "katalog@demo.tilfrisk.no", List.of("/", "/directory/offers"));

    @ParameterizedTest
    @ValueSource(strings = {"admin@demo.tilfrisk.no", "koordinator@demo.tilfrisk.no", "ansatt@demo.tilfrisk.no",
            "frivillig@demo.tilfrisk.no", "deltaker@demo.tilfrisk.no", "styret@demo.tilfrisk.no",
            "katalog@demo.tilfrisk.no"})
    void eachRoleSeesItsOwnMenuAndNoOther(String account) throws Exception {
        String page = mvc.perform(get("/tilbud").with(user(accounts.loadUserByUsername(account)))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(links(between(page, "class=\"menu menu-wide\"", "</nav>"))).isEqualTo(MENUS.get(account));
        assertThat(page).as("signed in: the account menu, not the language menu").contains("class=\"account\"")
                .doesNotContain("class=\"language\"");
    }

    @Test
    void aVisitorSeesTheLanguageMenuAndNoMainMenu() throws Exception {
        String page = mvc.perform(get("/tilbud")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("class=\"language\"").doesNotContain("class=\"account\"")
                .doesNotContain("menu-wide").doesNotContain("href=\"/persons\"");
    }

    private static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return html.substring(start, html.indexOf(to, start));
    }

    private static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
