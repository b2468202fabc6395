/** Test support shared by every module's tests, the benchmarks and the run command: the embedded database. */
package com.voicecore.testsupport;
