// The input schemas of the forms on a resident's home page. The forms load this
// module with import() when they are first used: zod is the largest part of the
// dashboard's JavaScript and the home page must stay light on a phone, while the
// forms still check with the API's own schemas.
export {
  checkInCorrectInput,
  checkInRecordInput,
  markDoneInput,
  signOutInput,
} from '@porchlight/domain';
