package dev.mnemo.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event that must not be written to the event publication registry (it carries what the transaction that
 * publishes it deletes): only plain {@code @EventListener}s may take it, and storing it fails loudly.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeverStored {
}
