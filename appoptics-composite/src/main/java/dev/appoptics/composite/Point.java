package dev.appoptics.composite;

/** One measurement of a series: epoch seconds and a value. */
public record Point(long time, double value) {}
