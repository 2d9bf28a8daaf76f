package org.kohsuke.stapler;

/**
 * Stapler's request of Jenkins 2.475 and later (Jakarta servlets; an interface). The plugin only passes it on; the
 * stapler artifact the build can reach predates it, so it is stubbed here.
 */
public interface StaplerRequest2 {}
