package hudson.security;

/** Jenkins core's permission (a final class): its constants are named by the types that own them. */
public final class Permission {
  private final String id;

  public Permission(String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }

  @Override
  public String toString() {
    return "Permission[" + id + "]";
  }
}
