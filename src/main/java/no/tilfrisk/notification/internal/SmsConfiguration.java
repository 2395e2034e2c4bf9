package no.tilfrisk.notification.internal;

import no.tilfrisk.notification.SmsGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The SMS gateway: {@code tilfrisk.sms.provider=http} with {@code tilfrisk.sms.http.url}, {@code .token} and
 * {@code .sender} for a provider; anything else (the default, {@code log}) only logs that a message would go out.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsGateway smsGateway(@Value("${tilfrisk.sms.provider:log}") String provider,
                          @Value("${tilfrisk.sms.http.url:}") String url,
                          @Value("${tilfrisk.sms.http.token:}") String token,
                          @Value("${tilfrisk.sms.http.sender:Tilfrisk}") String sender) {
        if ("http".equals(provider)) {
            if (url.isBlank()) {
                throw new IllegalStateException("tilfrisk.sms.provider=http needs tilfrisk.sms.http.url");
            }
            return new HttpSmsGateway(RestClient.builder(), url, token, sender);
        }
        return new LoggingSmsGateway();
    }
}
