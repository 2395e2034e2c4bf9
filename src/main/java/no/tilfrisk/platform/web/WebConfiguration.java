package no.tilfrisk.platform.web;

import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Norwegian bokmål first, English second; the choice is kept in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale BOKMAAL = Locale.forLanguageTag("nb");

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(BOKMAAL);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tilfrisk-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        // Pages start in bokmål whatever the browser asks for; API clients may ask for English.
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                    && request.getHeader("Accept-Language") != null) {
                Enumeration<Locale> wanted = request.getLocales();
                while (wanted.hasMoreElements()) {
                    Locale supported = SupportedLocales.match(wanted.nextElement());
                    if (supported != null) {
                        return supported;
                    }
                }
            }
            return BOKMAAL;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The two languages of the UI; Norwegian variants map to bokmål. */
    static final class SupportedLocales {
        private SupportedLocales() {
        }

        static Locale match(Locale locale) {
            return switch (locale.getLanguage()) {
                case "nb", "no", "nn" -> BOKMAAL;
                case "en" -> Locale.ENGLISH;
                default -> null;
            };
        }
    }
}
