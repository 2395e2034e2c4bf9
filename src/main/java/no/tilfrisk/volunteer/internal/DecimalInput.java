package no.tilfrisk.volunteer.internal;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

/** A decimal typed on a phone: «1,5» as well as «1.5»; blank is nothing; anything else a field error. */
class DecimalInput extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        setValue(t.isEmpty() ? null : new BigDecimal(t));
    }

    @Override
    public String getAsText() {
        return getValue() == null ? "" : ((BigDecimal) getValue()).toPlainString();
    }
}
