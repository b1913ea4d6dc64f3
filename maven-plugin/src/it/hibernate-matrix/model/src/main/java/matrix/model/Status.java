package matrix.model;

public enum Status { ACTIVE, SUSPENDED, CLOSED }
