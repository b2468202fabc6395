package com.voicecore.domain.model.agent;

import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.shared.Extension;

/** An agent's extension must lie in its department's extension block. */
public class ExtensionOutsideDepartmentException extends IllegalArgumentException {

    public ExtensionOutsideDepartmentException(Extension extension, Department department) {
        super("Extension " + extension + " is outside department '" + department.name() + "' ("
                + department.extensions().map(Object::toString).orElse("any") + ")");
    }
}
