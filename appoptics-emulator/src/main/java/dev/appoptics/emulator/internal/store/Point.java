package dev.appoptics.emulator.internal.store;

/** One point of a series as a query returns it: the bucket start (epoch seconds) and its value. */
public record Point(long time, double value) {}
