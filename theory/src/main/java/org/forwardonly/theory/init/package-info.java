/**
 * Initial conditions from a finite-N draw of student, teacher and feedback weights at the config's N.
 */
package org.forwardonly.theory.init;
