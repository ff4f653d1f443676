package org.campuslake.oozie.el;

import jakarta.el.ArrayELResolver;
import jakarta.el.CompositeELResolver;
import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.FunctionMapper;
import jakarta.el.ListELResolver;
import jakarta.el.MapELResolver;
import jakarta.el.PropertyNotFoundException;
import jakarta.el.VariableMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates Oozie's {@code ${...}} with a real EL engine (Jakarta Expression Language, Eclipse Expressly), the
 * {@code wf:}, {@code coord:} and {@code fs:} functions, Oozie's constants (KB, MB, GB, MINUTES, HOURS, DAYS) and
 * the application's properties. Properties may themselves contain expressions. An unknown variable or function is
 * an error that names it, never an empty string.
 */
public final class Evaluator {
    private static final ExpressionFactory FACTORY = ExpressionFactory.newInstance();
    private static final Map<String, Method> FUNCTIONS = new HashMap<>();
    private static final Map<String, Object> CONSTANTS = Map.of("KB", 1024L, "MB", 1024L * 1024, "GB",
            1024L * 1024 * 1024, "MINUTES", 1, "HOURS", 60, "DAYS", 1440);

    static {
        register("", BasicFunctions.class);
        register("wf", WfFunctions.class);
        register("coord", CoordFunctions.class);
        register("fs", FsFunctions.class);
    }

    private Evaluator() {}

    private static void register(String prefix, Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                FUNCTIONS.put(prefix + ":" + m.getName(), m);
            }
        }
    }

    /** Every function the runner knows, as prefix:name. */
    public static Set<String> functions() {
        return FUNCTIONS.keySet();
    }

    /** Evaluates text with any number of ${...} to a string. */
    public static String evaluate(String text, ElScope scope) {
        Object v = evaluate(text, scope, Object.class);
        return v == null ? "" : v.toString();
    }

    public static <T> T evaluate(String text, ElScope scope, Class<T> type) {
        if (text == null || !text.contains("${")) {
            return type.cast(type == Object.class || type == String.class ? text : FACTORY.coerceToType(text, type));
        }
        boolean outer = RESOLVING.get() == null;
        if (outer) {
            RESOLVING.set(new HashSet<>());
        }
        ElScope previous = ElScope.enter(scope);
        try {
            Context ctx = new Context(scope);
            return type.cast(FACTORY.createValueExpression(ctx, text, type).getValue(ctx));
        } catch (ELException e) {
            Throwable cause = e.getCause() != null && e.getCause() != e ? e.getCause() : e;
            String message = cause instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause().getMessage() : cause.getMessage();
            throw new ElError("cannot evaluate " + text + ": " + message, e);
        } finally {
            ElScope.restore(previous);
            if (outer) {
                RESOLVING.remove();
            }
        }
    }

    private static final ThreadLocal<Set<String>> RESOLVING = new ThreadLocal<>();

    /** An expression that cannot be evaluated: unknown name, bad function arguments, a failing function. */
    public static final class ElError extends RuntimeException {
        ElError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Context extends ELContext {
        private final ELResolver resolver;

        Context(ElScope scope) {
            CompositeELResolver r = new CompositeELResolver();
            r.add(new Variables(scope));
            r.add(new MapELResolver(true));
            r.add(new ListELResolver(true));
            r.add(new ArrayELResolver(true));
            resolver = r;
        }

        @Override
        public ELResolver getELResolver() {
            return resolver;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return new FunctionMapper() {
                @Override
                public Method resolveFunction(String prefix, String localName) {
                    Method m = FUNCTIONS.get(prefix + ":" + localName);
                    if (m == null) {
                        throw new ELException("unknown function " + prefix + ":" + localName + "()");
                    }
                    return m;
                }
            };
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }

    /** Top-level names: constants, then properties (evaluated in turn); anything else is an error. */
    private static final class Variables extends ELResolver {
        private final ElScope scope;

        Variables(ElScope scope) {
            this.scope = scope;
        }

        @Override
        public Object getValue(ELContext ctx, Object base, Object property) {
            if (base != null) {
                return null;
            }
            String name = String.valueOf(property);
            if (FUNCTIONS.containsKey(":" + name) && !scope.properties.containsKey(name)) {
                // EL looks an unprefixed call up as a variable (a lambda) first; leave it to the function mapper.
                return null;
            }
            ctx.setPropertyResolved(true);
            if (CONSTANTS.containsKey(name)) {
                return CONSTANTS.get(name);
            }
            String value = scope.properties.get(name);
            if (value == null) {
                throw new PropertyNotFoundException("unknown variable '" + name + "'");
            }
            if (!value.contains("${")) {
                return value;
            }
            Set<String> resolving = RESOLVING.get();
            if (!resolving.add(name)) {
                throw new PropertyNotFoundException("property '" + name + "' refers to itself");
            }
            try {
                return Evaluator.evaluate(value, scope);
            } finally {
                resolving.remove(name);
            }
        }

        @Override
        public Class<?> getType(ELContext ctx, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext ctx, Object base, Object property, Object value) {
            throw new PropertyNotFoundException("expressions cannot assign");
        }

        @Override
        public boolean isReadOnly(ELContext ctx, Object base, Object property) {
            return true;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext ctx, Object base) {
            return base == null ? String.class : null;
        }
    }
}
