package org.spinworkbench.store;

/** A run beside the name of its project, for listings that span the whole workspace. */
public record RunListing(String projectName, Run run) {
}
