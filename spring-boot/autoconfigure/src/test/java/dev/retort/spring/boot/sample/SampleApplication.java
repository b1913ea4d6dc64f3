package dev.retort.spring.boot.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;

import dev.retort.spring.boot.testmigrations.Book;

/** A Spring Boot application with JPA whose schema comes from Retort's migrations. */
@SpringBootApplication
@EntityScan(basePackageClasses = Book.class)
public class SampleApplication {
}
