package com.voicecore.domain.model.agent;

import com.voicecore.domain.model.department.Department;
import com.voicecore.domain.model.shared.EmailAddress;
import com.voicecore.domain.model.shared.Extension;
import com.voicecore.domain.model.shared.ExtensionRange;
import com.voicecore.testsupport.Generators;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

class AgentTest {

    @Test
    void assignTakesAnExtensionInsideTheDepartmentsBlockAndRefusesOneOutside() {
        qt().withExamples(500).forAll(Generators.extensionRanges(), Generators.extensions(), Generators.personNames(),
                Generators.emailAddresses()).checkAssert((range, e, name, email) -> {
            Department sales = new Department("Sales", null, range, false);
            Department other = new Department("Other", null, null, false);
            Agent agent = new Agent(name, new EmailAddress(email), other, null);
            if (range.contains(e)) {
                agent.assign(sales, e);
                assertEquals(Optional.of(sales.id()), agent.departmentId());
                assertEquals(Optional.of(e), agent.extension());
            } else {
                ExtensionOutsideDepartmentException thrown =
                        assertThrows(ExtensionOutsideDepartmentException.class, () -> agent.assign(sales, e));
                assertTrue(thrown.getMessage().contains(e.toString()) && thrown.getMessage().contains(range.toString()),
                        thrown.getMessage());
                assertEquals(Optional.of(other.id()), agent.departmentId(), "a refused assignment changes nothing");
                assertEquals(Optional.empty(), agent.extension());
            }
        });
    }

    @Test
    void theConstructorKeepsTheSameRule() {
        qt().withExamples(300).forAll(Generators.extensionRanges(), Generators.extensions()).checkAssert((range, e) -> {
            Department d = new Department("Support", null, range, false);
            if (range.contains(e)) {
                assertEquals(Optional.of(e), new Agent("Ann Lee", new EmailAddress("ann@example.com"), d, e).extension());
            } else {
                assertThrows(ExtensionOutsideDepartmentException.class,
                        () -> new Agent("Ann Lee", new EmailAddress("ann@example.com"), d, e));
            }
        });
    }

    @Test
    void withoutABlockOrWithoutADepartmentAnyExtensionGoes() {
        qt().withExamples(200).forAll(Generators.extensions()).checkAssert(e -> {
            Agent a = new Agent("Bo Yu", new EmailAddress("bo@example.com"), new Department("Ops", null, null, false), e);
            assertEquals(Optional.of(e), a.extension());
            a.assign(null, e);
            assertEquals(Optional.empty(), a.departmentId());
            assertEquals(Optional.of(e), a.extension());
        });
        Department d = new Department("Sales", null, ExtensionRange.of(100, 199), false);
        Agent a = new Agent("Bo Yu", new EmailAddress("bo@example.com"), d, null);
        assertEquals(Optional.empty(), a.extension(), "a department member may have no extension");
        assertThrows(ExtensionOutsideDepartmentException.class, () -> a.assign(d, new Extension(200)));
        assertThrows(ExtensionOutsideDepartmentException.class, () -> a.assign(d, new Extension(99)));
    }
}
