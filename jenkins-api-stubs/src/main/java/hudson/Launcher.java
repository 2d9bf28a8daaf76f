package hudson;

/** Jenkins core's process starter on a node (an abstract class); bindings receive one, ours do not use it. */
public abstract class Launcher {}
