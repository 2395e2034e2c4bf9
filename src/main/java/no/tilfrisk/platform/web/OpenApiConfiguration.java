package no.tilfrisk.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API document: every call takes a personal API token as a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tilfriskApi() {
        return new OpenAPI()
                .info(new Info().title("Tilfrisk API").version("v1")
                        .description("Errors are RFC 9457 problem+json with one entry per wrong field in `errors`. "
                                + "Send Accept-Language: en for English messages; Norwegian bokmål is the default."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal API token, made under «API-nøkler» in Tilfrisk")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
