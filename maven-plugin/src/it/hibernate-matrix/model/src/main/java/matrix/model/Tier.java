package matrix.model;

public enum Tier { FREE, PRO, ENTERPRISE }
