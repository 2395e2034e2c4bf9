package no.tilfrisk.directory.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.directory.GuidedSearch;
import no.tilfrisk.directory.Need;
import no.tilfrisk.directory.Offer;
import no.tilfrisk.directory.OfferQuery;
import no.tilfrisk.directory.OfferSearch;
import no.tilfrisk.directory.Offers;
import no.tilfrisk.directory.OpenWhen;
import no.tilfrisk.directory.TargetGroup;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.WebRequest;

/**
 * The public pages of the service directory, open to anyone without signing in ({@code SecurityConfiguration}):
 * the search with its filters (as you type with htmx, and as a plain form without JavaScript), an offer's page
 * with schema.org JSON-LD, and the guided search. They show offers only, never anything of an organisation's
 * persons. Answers carry validators (ETag, and Last-Modified for an offer) that change with any change of an
 * offer and with the minute, since «open now» does.
 */
@Controller
class DirectoryController {

    private final Offers offers;
    private final GuidedSearch guided;
    private final OfferJsonLd jsonLd;
    private final Clock clock;

    DirectoryController(Offers offers, GuidedSearch guided, OfferJsonLd jsonLd, Clock clock) {
        this.offers = offers;
        this.guided = guided;
        this.jsonLd = jsonLd;
        this.clock = clock;
    }

    @GetMapping("/tilbud")
    String search(@ModelAttribute("query") OfferQuery query, BindingResult errors,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, WebRequest request,
                  HttpServletResponse response, Model model) {
        ResultPage<no.tilfrisk.directory.OfferSummary> result;
        Offers.Filters filters;
        try {
            OfferSearch search = query.toSearch();
            String asked = request.getParameterMap().entrySet().stream()
                    .map(e -> e.getKey() + "=" + Arrays.toString(e.getValue())).sorted().toList().toString();
            long minute = minute();
            // one read: the validator first, and the search only where the caller's copy is out of date
            Optional<Offers.SearchPage> page = offers.searchPage(search, lastChange -> request.checkNotModified(
                    "\"" + Integer.toHexString((lastChange.map(Object::toString).orElse("") + '|' + asked + '|' + minute
                            + '|' + (htmx != null)).hashCode()) + "\""));
            if (page.isEmpty()) {
                return null;
            }
            response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic().getHeaderValue());
            result = page.get().result();
            filters = page.get().filters();
        } catch (InvalidInputException e) {
            e.addTo(errors);
            result = new ResultPage<>(List.of(), 0, 20, 0);
            filters = offers.filters();
        }
        model.addAttribute("result", result);
        model.addAttribute("needs", Need.values());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("whens", OpenWhen.values());
        model.addAttribute("areas", filters.areas());
        model.addAttribute("languages", filters.languages());
        return htmx != null ? "directory/search :: results" : "directory/search";
    }

    @GetMapping("/tilbud/{id}")
    String offer(@PathVariable UUID id, WebRequest request, HttpServletResponse response, Model model) {
        Offer offer = offers.get(id);
        boolean open = offers.openNow(offer);
        String etag = "\"" + offer.id() + "-" + offer.version() + "-" + open + "\"";
        if (request.checkNotModified(etag, offer.updatedAt().truncatedTo(ChronoUnit.SECONDS).toEpochMilli())) {
            return null;
        }
        response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic().getHeaderValue());
        model.addAttribute("offer", offer);
        model.addAttribute("openNow", open);
        model.addAttribute("keeps", offers.keeps(offer));
        model.addAttribute("jsonLd", jsonLd.of(offer, request.getContextPath()));
        return "directory/offer";
    }

    @GetMapping("/tilbud/veiviser")
    String guide(@ModelAttribute("guide") GuidedSearch.Answers answers, BindingResult errors, Model model) {
        model.addAttribute("needs", Need.values());
        model.addAttribute("areas", offers.filters().areas());
        if (answers.isAnswered()) {
            try {
                model.addAttribute("fits", guided.fits(answers));
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return "directory/guide";
    }

    private long minute() {
        return Instant.now(clock).getEpochSecond() / 60;
    }
}
