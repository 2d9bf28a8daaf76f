package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * lib-symbol-annotation's short name for a describable ({@code withCredentials([ovhApi(...)])}). Jenkins finds the
 * annotated classes through the text index {@code META-INF/services/annotations/org.jenkinsci.Symbol}, which the
 * plugin ships as a resource (annotation-indexer's processor is not usable here).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Documented
public @interface Symbol {
  String[] value();
}
