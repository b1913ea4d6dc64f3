package dev.retort.hibernate.model.library;

public enum Status {
    DRAFT, PUBLISHED, RETIRED
}
