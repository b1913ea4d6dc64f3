package dev.retort.rolling.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.retort.rolling.InvoiceFields;

/** An invoice, first version: in table {@code invoice}. */
@Entity
@Table(name = "invoice")
public class Invoice extends InvoiceFields {
}
