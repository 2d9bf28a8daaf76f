package io.github.okmsvm.jenkins;

import java.beans.Introspector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Calls a pipeline step the way Jenkins does when a Jenkinsfile names it (workflow-cps {@code DSL.invokeStep} and
 * structs {@code DescribableModel}): named arguments, or one positional argument for a step whose constructor has
 * one parameter; strict rejection of unknown arguments; the same coercions; the required context; start, then the
 * one outcome; a serializable result.
 */
final class StepInvoker {
  private StepInvoker() {}

  /** The descriptor nested in {@code stepClass}, as Jenkins' extension index finds it. */
  static StepDescriptor descriptor(Class<? extends Step> stepClass) {
    for (Class<?> nested : stepClass.getDeclaredClasses()) {
      if (StepDescriptor.class.isAssignableFrom(nested) && nested.isAnnotationPresent(hudson.Extension.class)) {
        try {
          return (StepDescriptor) nested.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(nested + " has no public no-arg constructor", e);
        }
      }
    }
    throw new AssertionError(stepClass + " has no nested @Extension StepDescriptor");
  }

  /** Runs the step: {@code args} is a map of named arguments or a single positional value. */
  static Object invoke(Class<? extends Step> stepClass, Object args, TestStepContext context) throws Exception {
    StepExecution execution = start(stepClass, args, context);
    Object result;
    try {
      result = context.outcome.get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    assertSerializable(result);
    assertSerializable(execution);
    return result;
  }

  /** Starts the step, as {@code DSL.invokeStep} does, and returns its execution (which may still run). */
  static StepExecution start(Class<? extends Step> stepClass, Object args, TestStepContext context)
      throws Exception {
    if (context.outcome.isDone()) {
      throw new IllegalStateException("this step context already served a step: each step gets its own");
    }
    StepDescriptor descriptor = descriptor(stepClass);
    Map<String, Object> named = namedArguments(stepClass, descriptor, args);
    for (Class<?> required : descriptor.getRequiredContext()) {
      if (context.get(required) == null) {
        // workflow-step-api's MissingContextVariableException, with the step that provides it
        throw new IllegalStateException("Required context " + required + " is missing"
            + (required == hudson.FilePath.class ? "\nPerhaps you forgot to surround the code with a step that"
                + " provides this, such as: node" : ""));
      }
    }
    Step step = instantiate(stepClass, named);
    StepExecution execution = step.start(context);
    boolean synchronous = execution.start();
    if (synchronous && !context.outcome.isDone()) {
      throw new IllegalStateException("Step " + descriptor.getFunctionName() + " claimed to have ended"
          + " synchronously, but didn't set the result via StepContext.onSuccess/onFailure");
    }
    return execution;
  }

  static Map<String, Object> namedArguments(Class<? extends Step> stepClass, StepDescriptor descriptor,
      Object args) {
    Map<String, Object> named = new LinkedHashMap<>();
    if (args instanceof Map<?, ?> map) {
      map.forEach((key, value) -> named.put(key.toString(), flatten(value)));
      return named;
    }
    Parameter[] parameters = constructor(stepClass).getParameters();
    if (parameters.length != 1) {
      throw new IllegalArgumentException("Expected named arguments but got " + args);
    }
    named.put(parameters[0].getName(), flatten(args));
    return named;
  }

  /** Builds the step from named arguments, rejecting unknown ones (as Jenkins does in strict mode). */
  static <S extends Step> S instantiate(Class<S> stepClass, Map<String, Object> arguments) {
    Constructor<?> constructor = constructor(stepClass);
    Map<String, Method> setters = setters(stepClass);
    TreeSet<String> unknown = new TreeSet<>(arguments.keySet());
    Object[] values = new Object[constructor.getParameterCount()];
    Parameter[] parameters = constructor.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (!parameters[i].isNamePresent()) {
        throw new AssertionError(stepClass + " was not compiled with -parameters");
      }
      unknown.remove(parameters[i].getName());
      values[i] = coerce(stepClass, parameters[i].getName(), arguments.get(parameters[i].getName()),
          parameters[i].getType(), parameters[i].getParameterizedType());
    }
    unknown.removeAll(setters.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("WARNING: Unknown parameter(s) found for class type '"
          + stepClass.getName() + "': " + String.join(",", unknown));
    }
    try {
      S step = stepClass.cast(constructor.newInstance(values));
      for (Map.Entry<String, Object> argument : arguments.entrySet()) {
        Method setter = setters.get(argument.getKey());
        if (setter != null) {
          setter.invoke(step, coerce(stepClass, argument.getKey(), argument.getValue(),
              setter.getParameterTypes()[0], setter.getGenericParameterTypes()[0]));
        }
      }
      return step;
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("Could not instantiate " + arguments + " for " + stepClass.getName() + ": "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The arguments a step takes, as structs' DescribableModel lists them: constructor parameters, then setters. */
  static Set<String> arguments(Class<? extends Step> stepClass) {
    Set<String> names = constructorArguments(stepClass);
    names.addAll(setterArguments(stepClass));
    return names;
  }

  /** The constructor's parameters: the required arguments. */
  static Set<String> constructorArguments(Class<? extends Step> stepClass) {
    Set<String> names = new LinkedHashSet<>();
    for (Parameter parameter : constructor(stepClass).getParameters()) {
      names.add(parameter.getName());
    }
    return names;
  }

  /** The setters' properties: the optional arguments. */
  static Set<String> setterArguments(Class<? extends Step> stepClass) {
    return new LinkedHashSet<>(setters(stepClass).keySet());
  }

  /** Every property, read back through its getter, as the Snippet Generator does. */
  static Map<String, Object> uninstantiate(Step step) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Parameter parameter : constructor(step.getClass()).getParameters()) {
      properties.put(parameter.getName(), get(step, parameter.getName()));
    }
    for (String name : setters(step.getClass()).keySet()) {
      properties.put(name, get(step, name));
    }
    return properties;
  }

  private static Object get(Object bean, String property) {
    String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String prefix : List.of("get", "is")) {
      try {
        return bean.getClass().getMethod(prefix + suffix).invoke(bean);
      } catch (NoSuchMethodException e) {
        continue;
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    throw new UnsupportedOperationException("no public field ‘" + property + "’ (or getter method) found in "
        + bean.getClass());
  }

  private static Constructor<?> constructor(Class<?> stepClass) {
    for (Constructor<?> constructor : stepClass.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        return constructor;
      }
    }
    throw new AssertionError(stepClass + " has no public @DataBoundConstructor");
  }

  private static Map<String, Method> setters(Class<?> type) {
    Map<String, Method> setters = new LinkedHashMap<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(DataBoundSetter.class)) {
          if (!method.getName().startsWith("set") || method.getParameterCount() != 1) {
            throw new IllegalStateException(method + " cannot be a @DataBoundSetter");
          }
          setters.putIfAbsent(Introspector.decapitalize(method.getName().substring(3)), method);
        }
      }
    }
    return setters;
  }

  private static Object coerce(Class<?> owner, String name, Object value, Class<?> type, Type generic) {
    if (value == null) {
      return type == boolean.class ? false : type == int.class ? 0 : null;
    }
    Class<?> boxed = type == int.class ? Integer.class : type == boolean.class ? Boolean.class : type;
    if (boxed.isInstance(value)) {
      return value;
    }
    if ((type == int.class || type == Integer.class) && (value instanceof String || value instanceof Number)) {
      try {
        return value instanceof Number number ? number.intValue() : Integer.valueOf((String) value);
      } catch (NumberFormatException e) {
        throw new ClassCastException(owner.getName() + "." + name + " expects int but was unable to coerce the"
            + " received value " + value);
      }
    }
    if ((type == boolean.class || type == Boolean.class) && value instanceof String text) {
      return Boolean.valueOf(text);
    }
    if (Collection.class.isAssignableFrom(type) && value instanceof Collection<?> collection) {
      List<Object> items = new ArrayList<>();
      Class<?> element = generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
          ? c : Object.class;
      collection.forEach(item -> items.add(coerce(owner, name, item, element, element)));
      return items;
    }
    throw new ClassCastException(owner.getName() + "." + name + " expects " + type.getName() + " but received "
        + value.getClass().getName());
  }

  /** Groovy strings become plain strings, in lists and maps too, as Jenkins flattens them. */
  private static Object flatten(Object value) {
    if (value instanceof CharSequence text && !(value instanceof String)) {
      return text.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(StepInvoker::flatten).toList();
    }
    return value;
  }

  private static void assertSerializable(Object value) {
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new AssertionError(value.getClass() + " does not serialize, and the pipeline would fail to save it: "
          + e, e);
    }
  }
}
