import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../domain/password-policy';
import { USER_ID_MAX_LENGTH } from '../../domain/user-account';

export class SignInRequest {
  @ApiProperty({ description: 'The user id given by your Local Security Officer.', example: 'bwe.user', minLength: 1, maxLength: USER_ID_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(USER_ID_MAX_LENGTH)
  userId: string;

  @ApiProperty({ description: 'The password.', format: 'password', minLength: 1, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
