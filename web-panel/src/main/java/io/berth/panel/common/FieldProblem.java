package io.berth.panel.common;

/** What is wrong with one input field, in words the person who typed it can act on. */
public record FieldProblem(String field, String message) {}
