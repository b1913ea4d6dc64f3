package dev.retort.rolling.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.retort.rolling.InvoiceFields;

/** An invoice, second version: its table renamed to {@code bill}. */
@Entity
@Table(name = "bill")
public class Invoice extends InvoiceFields {
}
