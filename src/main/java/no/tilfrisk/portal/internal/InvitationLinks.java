package no.tilfrisk.portal.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where an invitation's link points, for the page and the API alike. */
@Component
class InvitationLinks {

    private final String publicUrl;

    InvitationLinks(@Value("${tilfrisk.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The link's address: the configured public address, else the one this request came to. */
    String baseUrl() {
        if (!publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
