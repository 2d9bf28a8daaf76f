package hudson;

/** Marker interface of Jenkins extension points. */
public interface ExtensionPoint {}
