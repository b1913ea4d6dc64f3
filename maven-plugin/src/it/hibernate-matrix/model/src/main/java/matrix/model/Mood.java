package matrix.model;

public enum Mood { SAD, HAPPY, CALM }
