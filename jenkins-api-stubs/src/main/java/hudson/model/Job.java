package hudson.model;

/** Jenkins core's job, with its generic bounds (they erase into descriptors). */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {}
