package no.tilfrisk.outcome;

import java.util.Locale;
import java.util.Map;

/** A text of an instrument in Norwegian bokmål and English: instrument wording is data, not a UI string. */
public record Text(String nb, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null ? en : nb;
    }

    static Text of(Object yaml) {
        if (!(yaml instanceof Map<?, ?> map)) {
            return yaml == null ? null : new Text(yaml.toString(), yaml.toString());
        }
        Object nb = map.get("nb");
        Object en = map.get("en");
        return new Text(nb == null ? null : nb.toString(), en == null ? null : en.toString());
    }
}
