/// Trainer reports over the record store: tables, CSV, JSON and self-contained HTML.
public enum Reports {}
