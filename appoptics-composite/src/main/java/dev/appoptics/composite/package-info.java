/** The AppOptics composite metric language: lexer, parser and evaluator. */
package dev.appoptics.composite;
