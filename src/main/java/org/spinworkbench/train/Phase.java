package org.spinworkbench.train;

/** What an iteration is doing; the dashboard shows it and the store records it. */
public enum Phase { GENERATING, SCORING, TRAINING, EVALUATING }
