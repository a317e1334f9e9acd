package dev.flowconf.workers.strings;

import org.teavm.jso.JSObject;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * A TeaVM plugin (listed in META-INF/services, so TeaVM loads it from the project's classes while it compiles) that
 * gives TeaVM's Wasm GC conversion of a Java string to JavaScript a new body: it calls {@link LinearMemoryStrings}. In
 * the conversion the other way it points the three import calls (undefined?, the length, each code unit) at
 * LinearMemoryStrings, which reads the code units from the scratch area. Everything else that TeaVM's class holds (the
 * rest of the way back, the builtins flag, its imports, exceptions) stays as TeaVM wrote it. Only the Wasm GC backend
 * loads that class, so the JavaScript build is untouched. If TeaVM renames or drops a method or call it changes, the
 * build fails here instead of quietly falling back to one call per character.
 */
public final class StringBridgePlugin implements TeaVMPlugin, ClassHolderTransformer {
    static final String TEAVM_RUNTIME = "org.teavm.jso.impl.wasmgc.WasmGCJSRuntime";

    private static final ValueType STRING = ValueType.object(String.class.getName());
    private static final ValueType JS_OBJECT = ValueType.object(JSObject.class.getName());

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(TEAVM_RUNTIME)) {
            return;
        }
        redirect(cls, context, new MethodDescriptor("stringToJs", STRING, JS_OBJECT),
            new MethodReference(LinearMemoryStrings.class.getName(), "toJs", STRING, JS_OBJECT));
        MethodHolder jsToString = method(cls, new MethodDescriptor("jsToString", JS_OBJECT, STRING));
        retarget(jsToString, new MethodReference(TEAVM_RUNTIME, "isUndefined", JS_OBJECT, ValueType.BOOLEAN),
            new MethodReference(LinearMemoryStrings.class.getName(), "undefinedElseIntoScratch", JS_OBJECT,
                ValueType.BOOLEAN));
        retarget(jsToString, new MethodReference(TEAVM_RUNTIME, "stringLength", JS_OBJECT, ValueType.INTEGER),
            new MethodReference(LinearMemoryStrings.class.getName(), "lengthInScratch", JS_OBJECT, ValueType.INTEGER));
        retarget(jsToString,
            new MethodReference(TEAVM_RUNTIME, "charCodeAt", JS_OBJECT, ValueType.INTEGER, ValueType.INTEGER),
            new MethodReference(LinearMemoryStrings.class.getName(), "charCodeAt", JS_OBJECT, ValueType.INTEGER,
                ValueType.INTEGER));
    }

    private static MethodHolder method(ClassHolder cls, MethodDescriptor method) {
        MethodHolder holder = cls.getMethod(method);
        if (holder == null || holder.getProgram() == null) {
            throw new IllegalStateException(TEAVM_RUNTIME + "." + method + " is gone or has no body: TeaVM changed, "
                + "so " + StringBridgePlugin.class.getName() + " no longer knows where its strings cross");
        }
        return holder;
    }

    /** The one call to {@code from} in the method's body now calls {@code to}, which takes and gives the same. */
    private static void retarget(MethodHolder holder, MethodReference from, MethodReference to) {
        int found = 0;
        Program program = holder.getProgram();
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction instruction : block) {
                if (instruction instanceof InvokeInstruction invoke && invoke.getMethod().equals(from)) {
                    invoke.setMethod(to);
                    found++;
                }
            }
        }
        if (found != 1) {
            throw new IllegalStateException(holder.getReference() + " calls " + from + " " + found + " times, not once: "
                + "TeaVM changed, so " + StringBridgePlugin.class.getName() + " no longer knows where its strings cross");
        }
    }

    private static void redirect(ClassHolder cls, ClassHolderTransformerContext context, MethodDescriptor method,
            MethodReference target) {
        MethodHolder holder = method(cls, method);
        ProgramEmitter emitter = ProgramEmitter.create(holder, context.getHierarchy());
        emitter.invoke(target, emitter.var(1, method.parameterType(0))).returnValue();
    }
}
