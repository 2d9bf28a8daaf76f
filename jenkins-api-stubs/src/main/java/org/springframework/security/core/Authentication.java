package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/** Spring Security's authentication (an interface), as Jenkins' ACL.SYSTEM2 is one. */
public interface Authentication extends Principal, Serializable {}
