package dev.retort.spring.boot.actuate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.retort.Retort;
import dev.retort.spring.boot.autoconfigure.RetortAutoConfiguration;

/**
 * The {@code retort} Actuator endpoint, when Actuator is on the class path and Retort is configured. Exposed over HTTP
 * like any endpoint: {@code management.endpoints.web.exposure.include=retort}.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Retort.class)
public class RetortEndpointAutoConfiguration {

    /** The endpoint over the application's Retort. */
    @Bean
    @ConditionalOnMissingBean
    public RetortEndpoint retortEndpoint(Retort retort) {
        return new RetortEndpoint(retort);
    }
}
