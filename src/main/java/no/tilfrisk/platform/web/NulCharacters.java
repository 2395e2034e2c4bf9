package no.tilfrisk.platform.web;

import java.beans.PropertyEditorSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A NUL character is never text anyone meant to send, and PostgreSQL refuses it. It is refused where the value
 * is bound, so it is a field error naming its field (a form shows it in its list of errors, the API in
 * {@code errors}), instead of a refusal by the database that names nothing (issue 21). Message key:
 * {@code typeMismatch.java.lang.String}.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

    static boolean contains(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Form fields and request parameters, on pages and the API. */
    @ControllerAdvice
    static class Binding {
        @InitBinder
        void refuseNul(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new Editor());
        }
    }

    static final class Editor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (contains(text)) {
                throw new IllegalArgumentException("A NUL character");
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    /** JSON bodies: every string, with its path, as Jackson reports a value of the wrong form. */
    @Bean
    JacksonModule nulFreeStrings() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
                String text = super.deserialize(p, ctxt);
                if (contains(text)) {
                    throw ctxt.weirdStringException(text, String.class, "a NUL character");
                }
                return text;
            }
        });
    }
}
