package jenkins;

/** Jenkins core's tri-state. */
public enum YesNoMaybe {
  YES,
  NO,
  MAYBE
}
