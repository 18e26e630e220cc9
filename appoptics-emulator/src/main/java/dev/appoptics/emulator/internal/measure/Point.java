package dev.appoptics.emulator.internal.measure;

/** One point of a series as a query returns it: the bucket start (epoch seconds) and its value. */
public record Point(long time, double value) {}
