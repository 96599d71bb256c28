package org.passerelle.people;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the rotations of the key epochs stand, and a rotation on demand, for administrators. */
@RestController
@RequestMapping("/api/key-rotation")
class KeyRotationController {

    private final KeyRotation rotation;

    KeyRotationController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping
    KeyRotation.Status status() {
        return rotation.status();
    }

    @PostMapping
    KeyRotation.Rotation rotate() {
        return rotation.rotateNow();
    }
}
